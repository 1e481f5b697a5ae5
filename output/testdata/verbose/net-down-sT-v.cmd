nmap --unprivileged -v -sT -sV -p22,25,80 10.99.0.4
