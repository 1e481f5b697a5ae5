package main

import (
	"strings"
	"testing"
)

// TestShardFlags: --shards, --shard and --seed as nmap-style options, the index from
// JOB_COMPLETION_INDEX when --shard is absent, and the mistakes refused.
func TestShardFlags(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == jobIndexVar {
				return v
			}
			return ""
		}
	}
	for _, c := range []struct {
		args    []string
		env     string
		shards  uint64
		shard   int64
		seed    uint64
		fromEnv bool
		err     string
	}{
		{args: []string{"--shards", "4", "--shard=2", "--seed", "0x10"}, shards: 4, shard: 2, seed: 16},
		{args: []string{"--shards=4", "--seed=7"}, env: "3", shards: 4, shard: 3, seed: 7, fromEnv: true},
		{args: []string{"--shards=4", "--shard=1", "--seed=7"}, env: "3", shards: 4, shard: 1, seed: 7},
		{args: []string{"--shards=1", "--shard=0", "--seed=0"}, shards: 1, shard: 0, seed: 0},
		{args: []string{"--seed", "9"}, shard: -1, seed: 9},
		{args: []string{"--shards=4", "--shard=1"}, err: "--shards needs --seed"},
		{args: []string{"--shards=4", "--seed=1"}, err: "needs --shard I (0 to 3), or JOB_COMPLETION_INDEX"},
		{args: []string{"--shards=4", "--seed=1"}, env: "x", err: `JOB_COMPLETION_INDEX="x" is not a shard index`},
		{args: []string{"--shards=4", "--shard=4", "--seed=1"}, err: "--shard 4 is out of range for --shards 4 (0 to 3)"},
		{args: []string{"--shards=4", "--seed=1"}, env: "4", err: "--shard 4 is out of range"},
		{args: []string{"--shard=1"}, err: "--shard 1 needs --shards N"},
		{args: []string{"--shards=0"}, err: "not a number of shards"},
		{args: []string{"--shard=-1"}, err: "not a shard index"},
		{args: []string{"--seed=abc"}, err: "not a number from 0"},
	} {
		a, err := parseScanArgs(append(c.args, "10.0.0.1"))
		var fromEnv bool
		if err == nil {
			fromEnv, err = a.shardPlan(env(c.env))
		}
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q env %q: %v, want %q", c.args, c.env, err, c.err)
			}
			continue
		}
		if err != nil || a.shards != c.shards || a.shard != c.shard || fromEnv != c.fromEnv || (a.seedSet && a.seed != c.seed) {
			t.Errorf("%q env %q: shards %d shard %d seed %d fromEnv %v, %v", c.args, c.env, a.shards, a.shard, a.seed, fromEnv, err)
		}
	}
	// Unsharded without --seed: a random seed for each run's port order.
	a, _ := parseScanArgs([]string{"10.0.0.1"})
	b, _ := parseScanArgs([]string{"10.0.0.1"})
	a.shardPlan(env(""))
	b.shardPlan(env(""))
	if a.seed == b.seed {
		t.Error("two runs without --seed got the same seed")
	}
}

// TestResumeArg: --resume takes its file and nothing else, as nmap's does.
func TestResumeArg(t *testing.T) {
	for _, c := range []struct {
		args []string
		file string
		ok   bool
		err  bool
	}{
		{[]string{"--resume", "scan.nmap"}, "scan.nmap", true, false},
		{[]string{"--resume=scan.gnmap"}, "scan.gnmap", true, false},
		{[]string{"-resume", "scan.jsonl"}, "scan.jsonl", true, false},
		{[]string{"-sV", "10.0.0.1"}, "", false, false},
		{[]string{"--resume", "scan.nmap", "-v"}, "", false, true},
		{[]string{"-v", "--resume", "scan.nmap"}, "", false, true},
		{[]string{"--resume"}, "", false, true},
	} {
		file, ok, err := resumeArg(c.args)
		if file != c.file || ok != c.ok || (err != nil) != c.err {
			t.Errorf("%q: %q %v %v", c.args, file, ok, err)
		}
	}
}
