nmap --unprivileged -v -sT -sV -p22,25,80 127.0.0.1
