nmap -v -sT -sV -p22 127.0.0.1
