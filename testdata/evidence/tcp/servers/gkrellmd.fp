# source: Debian 12 gkrellmd 2.3.11-2, captured on loopback by testbed/testbed.sh (signet --version-record)
# expect: gkrellm | GKrellM gkrellmd | 2.3.11
SF-Port41150-TCP:V=signet-0.1.0%I=7%D=12/6%Time=6B155830%P=x86_64-pc-linux
SF:-gnu%r(GenericLines,1B,"<error>\nBad\x20connect\x20string!")%r(GkrellmH
SF:ello,100,"<gkrellmd_setup>\n<version>\ngkrellmd\x202\.3\.11\n<decimal_p
SF:oint>\n\.\n\n<sensors_setup>\n<cpu_setup>\nn_cpus\x202\n<net_setup>\nne
SF:t_use_routed\n<mail_setup>\n<hostname>\nvm\n<sysname>\nLinux\x206\.18\.
SF:44-fc-v1272\n<time>\n24\x2042\x2012\x206\x2011\x20126\x200\x20339\x200\
SF:n<monitors>\nsensors\ncpu\nproc\ndisk\nnet\n");
