#!/bin/sh
# Builds against Debian's packaged Go sources (no module proxy needed).
cd "$(dirname "$0")" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=/tmp/gin-gocache go build -o gin-app main.go
