// Package k8s holds signet's Kubernetes manifests: the sharded scan as an
// Indexed Job, the merge step, targets and the results volume; tests check them.
//
// It is a module of its own so that the Kubernetes API types its tests
// decode the manifests into stay out of signet's own dependencies.
package k8s
