nmap -vv -PN -sT -p22 127.0.0.1
