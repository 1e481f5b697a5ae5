module github.com/signetscan/signet

go 1.26.8
