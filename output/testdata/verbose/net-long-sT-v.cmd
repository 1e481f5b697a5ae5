nmap --unprivileged -v -sT -p1-30000 --max-rate 400 10.99.0.2
