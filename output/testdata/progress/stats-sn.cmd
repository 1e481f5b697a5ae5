nmap -v --stats-every 1s -sn 10.99.0.0/24
