nmap -d -sT 127.0.0.1
