// Package deploy holds signet's container image (Dockerfile, build-image.sh)
// and Kubernetes manifests (k8s/); its tests check the image's static binary.
package deploy
