# source: hand-made from Gitea 1.21 (default cookie name i_like_gitea)
# expect: http | Gitea
SF-Port3000-TCP:V=signet-0.1.0%I=7%D=11/25%Time=6B073AE0%P=x86_64-pc-linux
SF:-gnu%r(GetRequest,15E,"HTTP/1\.0\x20200\x20OK\r\nCache-Control:\x20max-
SF:age=0,\x20private,\x20must-revalidate,\x20no-transform\r\nContent-Type:
SF:\x20text/html;\x20charset=utf-8\r\nSet-Cookie:\x20i_like_gitea=01234567
SF:89abcdef;\x20Path=/;\x20HttpOnly;\x20SameSite=Lax\r\nX-Frame-Options:\x
SF:20SAMEORIGIN\r\nDate:\x20Wed,\x2025\x20Nov\x202026\x2019:31:07\x20GMT\r
SF:\n\r\n<!DOCTYPE\x20html><html><head><title>Gitea:\x20Git\x20with\x20a\x
SF:20cup\x20of\x20tea</title></head></html>");
