package k8s

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// unwired are the scan flags the manifest uses that signet does not take
// yet: none since --shards, --shard, --seed and --max-rate were wired. A
// flag listed here fails the test once it appears in signet -h, so that
// this list, and the README, are brought up to date.
var unwired = []string{}

// docs splits a manifest file into its YAML documents.
func docs(t *testing.T, file string) [][]byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, d := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(data), -1) {
		if strings.TrimSpace(regexp.MustCompile(`(?m)^\s*#.*$`).ReplaceAllString(d, "")) != "" {
			out = append(out, []byte(d))
		}
	}
	return out
}

// objects decodes every manifest strictly into the Kubernetes API types:
// an unknown or misspelt field, or a value of the wrong type, fails.
func objects(t *testing.T) (jobs map[string]*batchv1.Job, cms map[string]*corev1.ConfigMap, pvcs map[string]*corev1.PersistentVolumeClaim) {
	t.Helper()
	jobs, cms, pvcs = map[string]*batchv1.Job{}, map[string]*corev1.ConfigMap{}, map[string]*corev1.PersistentVolumeClaim{}
	files, _ := filepath.Glob("*.yaml")
	if len(files) < 3 {
		t.Fatalf("manifests: %v", files)
	}
	for _, f := range files {
		for i, d := range docs(t, f) {
			var head struct{ APIVersion, Kind string }
			if err := yaml.Unmarshal(d, &head); err != nil {
				t.Fatalf("%s doc %d: %v", f, i+1, err)
			}
			var obj any
			var name func() string
			switch head.APIVersion + " " + head.Kind {
			case "batch/v1 Job":
				j := &batchv1.Job{}
				obj, name = j, func() string { jobs[j.Name] = j; return j.Name }
			case "v1 ConfigMap":
				c := &corev1.ConfigMap{}
				obj, name = c, func() string { cms[c.Name] = c; return c.Name }
			case "v1 PersistentVolumeClaim":
				p := &corev1.PersistentVolumeClaim{}
				obj, name = p, func() string { pvcs[p.Name] = p; return p.Name }
			default:
				t.Fatalf("%s doc %d: unexpected %s %s", f, i+1, head.APIVersion, head.Kind)
			}
			if err := yaml.UnmarshalStrict(d, obj); err != nil {
				t.Fatalf("%s doc %d: %v", f, i+1, err)
			}
			if name() == "" {
				t.Errorf("%s doc %d: no metadata.name", f, i+1)
			}
		}
	}
	return
}

func flagValue(args []string, name string) (string, bool) {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v, true
		}
		if a == name && i+1 < len(args) {
			return args[i+1], true
		}
	}
	return "", false
}

// checkPod: the pod runs signet unprivileged, and every volume a
// container mounts is one the pod defines (a ConfigMap or claim the
// manifests create).
func checkPod(t *testing.T, name string, spec corev1.PodSpec, cms map[string]*corev1.ConfigMap, pvcs map[string]*corev1.PersistentVolumeClaim) {
	t.Helper()
	if spec.RestartPolicy != corev1.RestartPolicyNever {
		t.Errorf("%s: restartPolicy %q, want Never (the Job retries)", name, spec.RestartPolicy)
	}
	sc := spec.SecurityContext
	if sc == nil || sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot || sc.RunAsUser == nil || *sc.RunAsUser != 65534 {
		t.Errorf("%s: pod does not run as user 65534 (the image's USER)", name)
	}
	vols := map[string]corev1.Volume{}
	for _, v := range spec.Volumes {
		vols[v.Name] = v
		if v.ConfigMap != nil && cms[v.ConfigMap.Name] == nil {
			t.Errorf("%s: volume %s: no ConfigMap %s in the manifests", name, v.Name, v.ConfigMap.Name)
		}
		if v.PersistentVolumeClaim != nil && pvcs[v.PersistentVolumeClaim.ClaimName] == nil {
			t.Errorf("%s: volume %s: no claim %s in the manifests", name, v.Name, v.PersistentVolumeClaim.ClaimName)
		}
	}
	for _, c := range append(slices.Clone(spec.InitContainers), spec.Containers...) {
		if c.Image == "" || len(c.Command) > 0 {
			t.Errorf("%s/%s: image %q, command %q (the image's entrypoint is signet)", name, c.Name, c.Image, c.Command)
		}
		s := c.SecurityContext
		if s == nil || s.AllowPrivilegeEscalation == nil || *s.AllowPrivilegeEscalation || s.ReadOnlyRootFilesystem == nil ||
			!*s.ReadOnlyRootFilesystem || s.Capabilities == nil || !slices.Contains(s.Capabilities.Drop, "ALL") {
			t.Errorf("%s/%s: container not locked down (no privilege escalation, read-only root, all capabilities dropped)", name, c.Name)
		}
		for _, m := range c.VolumeMounts {
			if _, ok := vols[m.Name]; !ok {
				t.Errorf("%s/%s: mounts undefined volume %s", name, c.Name, m.Name)
			}
		}
	}
}

// TestScanJob: an Indexed Job with completions = parallelism = --shards,
// the shard from JOB_COMPLETION_INDEX, one --seed, a --max-rate, and
// outputs named by the index on the results volume.
func TestScanJob(t *testing.T) {
	jobs, cms, pvcs := objects(t)
	j := jobs["signet-scan"]
	if j == nil {
		t.Fatal("no Job signet-scan")
	}
	s := j.Spec
	if s.CompletionMode == nil || *s.CompletionMode != batchv1.IndexedCompletion {
		t.Fatal("signet-scan: completionMode is not Indexed")
	}
	if s.Completions == nil || s.Parallelism == nil {
		t.Fatal("signet-scan: no completions or parallelism")
	}
	if *s.Completions != *s.Parallelism {
		t.Errorf("signet-scan: completions %d, parallelism %d: want equal", *s.Completions, *s.Parallelism)
	}
	checkPod(t, "signet-scan", s.Template.Spec, cms, pvcs)
	if len(s.Template.Spec.Containers) != 1 {
		t.Fatalf("signet-scan: %d containers", len(s.Template.Spec.Containers))
	}
	args := s.Template.Spec.Containers[0].Args
	shards, _ := flagValue(args, "--shards")
	if n, err := strconv.Atoi(shards); err != nil || int32(n) != *s.Completions {
		t.Errorf("signet-scan: --shards %q, completions %d: want equal", shards, *s.Completions)
	}
	if v, _ := flagValue(args, "--shard"); v != "$(JOB_COMPLETION_INDEX)" {
		t.Errorf("signet-scan: --shard %q, want $(JOB_COMPLETION_INDEX)", v)
	}
	if v, ok := flagValue(args, "--seed"); !ok || strings.Contains(v, "$(") {
		t.Errorf("signet-scan: --seed %q: every shard needs the same fixed seed", v)
	}
	if v, _ := flagValue(args, "--max-rate"); v == "" {
		t.Error("signet-scan: no --max-rate: a shard could flood the network")
	}
	for _, o := range []string{"-oX", "-oJ"} {
		if v, _ := flagValue(args, o); !strings.HasPrefix(v, "/results/") || !strings.Contains(v, "$(JOB_COMPLETION_INDEX)") {
			t.Errorf("signet-scan: %s %q: want a file per index on the results volume", o, v)
		}
	}
	if v, _ := flagValue(args, "-iL"); !strings.HasPrefix(v, "/config/") {
		t.Errorf("signet-scan: -iL %q: want the targets ConfigMap", v)
	}
}

// TestMergeJob: the merge step's patterns match every shard's files.
func TestMergeJob(t *testing.T) {
	jobs, cms, pvcs := objects(t)
	scan, merge := jobs["signet-scan"], jobs["signet-merge"]
	if scan == nil || merge == nil {
		t.Fatal("want Jobs signet-scan and signet-merge")
	}
	checkPod(t, "signet-merge", merge.Spec.Template.Spec, cms, pvcs)
	init := merge.Spec.Template.Spec.InitContainers
	if len(init) != 1 || len(init[0].Args) == 0 || init[0].Args[0] != "merge" {
		t.Fatalf("signet-merge: the init container does not run signet merge")
	}
	args := scan.Spec.Template.Spec.Containers[0].Args
	for i := int32(0); i < *scan.Spec.Completions; i++ {
		for _, o := range []string{"-oX", "-oJ"} {
			v, _ := flagValue(args, o)
			file := strings.ReplaceAll(v, "$(JOB_COMPLETION_INDEX)", fmt.Sprint(i))
			matched := false
			for _, a := range init[0].Args[1:] {
				if ok, _ := filepath.Match(a, file); ok {
					matched = true
				}
			}
			if !matched {
				t.Errorf("shard %d's %s is not merged", i, file)
			}
		}
	}
}

// signet builds signet from the module above.
func signet(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "signet")
	if out, err := exec.Command("go", "-C", "../..", "build", "-o", bin, "./cmd/signet").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestArgsRun: every flag of the scan Job is in signet -h (deploy's
// TestSimulateJob runs the Job itself); the merge and report steps run as
// written, on a results folder holding shard files.
func TestArgsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds signet") // skip-ok: CI does not run -short
	}
	jobs, _, _ := objects(t)
	bin := signet(t)
	help, _ := exec.Command(bin, "-h").CombinedOutput()
	for _, a := range jobs["signet-scan"].Spec.Template.Spec.Containers[0].Args {
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, _, _ := strings.Cut(a, "=")
		known := regexp.MustCompile(`(^|[\s,(/])` + regexp.QuoteMeta(name) + `($|[\s,=<:/])`).Match(help)
		switch {
		case slices.Contains(unwired, name) && known:
			t.Errorf("%s is in signet -h now: take it off the unwired list (and the README's note)", name)
		case !slices.Contains(unwired, name) && !known:
			t.Errorf("signet-scan passes %s, which signet -h does not list", name)
		}
	}

	// The merge Job on a results folder of four shards (golden files of
	// signet's output tests stand in for them).
	dir := t.TempDir()
	for i, g := range []string{"e1", "e5", "e7", "notshown"} {
		for _, ext := range []string{"xml", "jsonl"} {
			data, err := os.ReadFile(filepath.Join("../../output/testdata", g+"."+ext+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("shard-%d.%s", i, ext)), data, 0o644)
		}
	}
	m := jobs["signet-merge"].Spec.Template.Spec
	for _, c := range append(m.InitContainers, m.Containers...) {
		var args []string
		for _, a := range c.Args {
			args = append(args, strings.ReplaceAll(a, "/results", dir))
		}
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: signet %q: %v\n%s", c.Name, args, err, stderr.String())
		}
		t.Logf("%s: %s", c.Name, strings.TrimSpace(stderr.String()))
	}
	for _, f := range []string{"merged.xml", "merged.jsonl", "merged.nmap", "report.html"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("the merge Job did not write %s: %v", f, err)
		}
	}
}
