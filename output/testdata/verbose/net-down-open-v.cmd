nmap -v --open -sV -p22 10.99.0.4
