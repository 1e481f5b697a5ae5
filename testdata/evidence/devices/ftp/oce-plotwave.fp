# source: hand-made: RFC 959 220 greeting with the text observed from the device (Rapid7 Recog xml/ftp_banners.xml example)
# expect: ftp | Oce PlotWave ftpd | 4.5.7 | Plotwave300
SF-Port21-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B154E00%P=x86_64-pc-linux-gn
SF:u%r(NULL,32,"220\x20Oce\x20Plotwave300\x20FTP\x20Service\x20\(Version\x
SF:204\.5\.7\)\.\r\n");
