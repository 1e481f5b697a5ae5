nmap -P0 -sT -p22 127.0.0.1
