# source: Debian 12 zookeeper 3.8.0-11+deb12u2, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: zookeeper | Apache ZooKeeper | 3.8.0
SF-Port41281-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155833%P=x86_64-pc-linux
SF:-gnu%r(ZooKeeperSrvr,C4,"Zookeeper\x20version:\x203\.8\.0-\${mvngit\.co
SF:mmit\.id},\x20built\x20on\x202024-12-29\x2017:54\x20UTC\nLatency\x20min
SF:/avg/max:\x200/0\.0/0\nReceived:\x203\nSent:\x200\nConnections:\x201\nO
SF:utstanding:\x200\nZxid:\x200x0\nMode:\x20standalone\nNode\x20count:\x20
SF:5\n");
