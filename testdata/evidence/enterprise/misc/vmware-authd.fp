# source: hand-made: the greeting of VMware ESXi's authentication daemon (vmware-authd) on port 902, as ESXi 6.x and later send it (banner recorded in public scans of ESXi hosts)
# expect: vmware-auth | VMware Authentication Daemon | 1.10 | SSL required
SF-Port902-TCP:V=signet-0.1.0%I=7%D=12/7%Time=6B1683A0%P=x86_64-pc-linux-g
SF:nu%r(NULL,87,"220\x20VMware\x20Authentication\x20Daemon\x20Version\x201
SF:\.10:\x20SSL\x20Required,\x20ServerDaemonProtocol:SOAP,\x20MKSDisplayPr
SF:otocol:VNC\x20,\x20,\x20NFCSSL\x20supported/t\r\n");
