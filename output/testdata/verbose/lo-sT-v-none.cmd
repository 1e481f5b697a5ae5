nmap -v -sT -sV -p23,24 127.0.0.1
