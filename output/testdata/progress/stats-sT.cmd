nmap --stats-every 1s -sT -p1-1000 --max-rate 1000 127.0.0.1-8
