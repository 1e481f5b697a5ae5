package main

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strconv"
)

// shardOption reads --shards N, --shard I and --seed S.
func (a *scanArgs) shardOption(arg, name, attached string, has bool, value func(string, bool) (string, error)) error {
	v, err := value(attached, has)
	if err != nil {
		return err
	}
	n, err := strconv.ParseUint(v, 0, 64)
	switch name {
	case "shards":
		if err != nil || n == 0 || n > 1<<20 {
			return fmt.Errorf("option %s: %q is not a number of shards from 1 to 1048576", arg, v)
		}
		a.shards = n
	case "shard":
		if err != nil || n >= 1<<20 {
			return fmt.Errorf("option %s: %q is not a shard index (0 for the first shard)", arg, v)
		}
		a.shard = int64(n)
	case "seed":
		if err != nil {
			return fmt.Errorf("option %s: %q is not a number from 0 to 2^64-1", arg, v)
		}
		a.seed, a.seedSet = n, true
	}
	return nil
}

// jobIndexVar is the environment variable in which a Kubernetes Indexed Job gives each pod
// its index.
const jobIndexVar = "JOB_COMPLETION_INDEX"

// shardPlan checks the sharding options and completes them: the shard index from
// JOB_COMPLETION_INDEX when --shard is absent (fromEnv), a random seed for an unsharded scan
// without --seed (it orders each host's ports only).
func (a *scanArgs) shardPlan(getenv func(string) string) (fromEnv bool, err error) {
	switch {
	case a.shards == 0 && a.shard >= 0:
		return false, fmt.Errorf("--shard %d needs --shards N, the number of shards", a.shard)
	case a.shards == 0:
		if !a.seedSet {
			var b [8]byte
			rand.Read(b[:])
			a.seed = binary.LittleEndian.Uint64(b[:])
		}
		return false, nil
	case !a.seedSet:
		return false, fmt.Errorf("--shards needs --seed S, the same number for every shard: shards with different seeds would overlap and leave pairs out")
	}
	if a.shard < 0 {
		v := getenv(jobIndexVar)
		if v == "" {
			return false, fmt.Errorf("--shards %d needs --shard I (0 to %d), or %s in the environment", a.shards, a.shards-1, jobIndexVar)
		}
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil || n >= 1<<20 {
			return false, fmt.Errorf("%s=%q is not a shard index", jobIndexVar, v)
		}
		a.shard, fromEnv = int64(n), true
	}
	if uint64(a.shard) >= a.shards {
		return false, fmt.Errorf("--shard %d is out of range for --shards %d (0 to %d)", a.shard, a.shards, a.shards-1)
	}
	return fromEnv, nil
}
