nmap -v -sU -sT -sV -p U:53,54,T:22,25,80 127.0.0.1
