nmap --max-rate 400 -sT -p1-3000 127.0.0.1
