nmap -v -sT -sV 127.0.0.1
