/* Where the server listens, and the address people open: the join code,
 * the socket, the host a phone can reach. */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "num.h"
#include "serve_int.h"

#define CODE_BYTES 16		/* 128 bits */

int
align_serve_random_code(char *out, size_t n, struct align_err *e)
{
	static const char digit[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned char raw[64];
	size_t got = 0, i, bits = 0, k = 0;
	unsigned acc = 0;

	if (n > sizeof(raw))
		n = sizeof(raw);
	while (got < n) {
		ssize_t r = getrandom(raw + got, n - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return align_err_set(e, EX_IOERR, NULL, 0, 0,
			    "no random bytes for the join code: %s",
			    strerror(errno));
		got += (size_t)r;
	}
	for (i = 0; i < n; i++) {
		acc = (acc << 8) | raw[i];
		for (bits += 8; bits >= 6; bits -= 6)
			out[k++] = digit[(acc >> (bits - 6)) & 63];
	}
	if (bits)
		out[k++] = digit[(acc << (6 - bits)) & 63];
	out[k] = '\0';
	return 0;
}

int
align_serve_parse_listen(const char *s, char **addr, unsigned *port,
    struct align_err *e)
{
	const char *colon = strrchr(s, ':'), *p = colon ? colon + 1 : s;
	const char *why;
	size_t n = colon ? (size_t)(colon - s) : 0;
	long long v;

	*addr = NULL;
	if (colon && n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
	} else if (colon && memchr(s, ':', n)) {
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "'%s': an IPv6 "
		    "address goes in brackets: [::1]:8080", s);
	}
	v = align_strtonum(p, 0, 65535, &why);
	if (why)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "port '%s' is "
		    "%s (a number from 0 to 65535; 0: any free one)", p, why);
	if (colon && n == 0)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "'%s': no "
		    "address before the port", s);
	*addr = colon ? strndup(s, n) : strdup("127.0.0.1");
	if (*addr == NULL)
		return align_err_nomem(e);
	*port = (unsigned)v;
	return 0;
}

/* The first address of this machine's that is up, not loopback, of the
 * family (AF_INET first): what a phone on the same network can reach. */
static int
lan_host(int family, char *host, size_t n)
{
	struct ifaddrs *all, *i;
	int found = 0;

	if (getifaddrs(&all) < 0)
		return 0;
	for (i = all; i && !found; i = i->ifa_next) {
		if (i->ifa_addr == NULL || i->ifa_addr->sa_family != family ||
		    !(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK))
			continue;
		if (family == AF_INET6 && IN6_IS_ADDR_LINKLOCAL(
		    &((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr))
			continue;	/* needs a zone: not for a phone */
		found = getnameinfo(i->ifa_addr, family == AF_INET ?
		    sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6),
		    host, n, NULL, 0, NI_NUMERICHOST) == 0;
	}
	freeifaddrs(all);
	return found;
}

/* The host of the addresses: the one listened on, or for a wildcard
 * this machine's address on its network (loopback when it has none). */
static void
url_host(const struct sockaddr *sa, struct align_buf *b)
{
	char host[NI_MAXHOST] = "";
	int v6 = sa->sa_family == AF_INET6, any;

	any = v6 ? IN6_IS_ADDR_UNSPECIFIED(
	    &((const struct sockaddr_in6 *)sa)->sin6_addr) :
	    ((const struct sockaddr_in *)sa)->sin_addr.s_addr == INADDR_ANY;
	if (any && lan_host(AF_INET, host, sizeof(host)))
		v6 = 0;
	else if (any && v6 && lan_host(AF_INET6, host, sizeof(host)))
		;
	else if (any)
		strcpy(host, v6 ? "::1" : "127.0.0.1");
	else if (getnameinfo(sa, v6 ? sizeof(struct sockaddr_in6) :
	    sizeof(struct sockaddr_in), host, sizeof(host), NULL, 0,
	    NI_NUMERICHOST) != 0)
		strcpy(host, "127.0.0.1");
	align_buf_printf(b, v6 && strchr(host, ':') ? "[%s]" : "%s", host);
}

static int
bind_to(const char *addr, unsigned port, int *fd, struct align_err *e)
{
	struct addrinfo hints, *ai = NULL;
	char ps[8];
	int rc, one = 1;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	snprintf(ps, sizeof(ps), "%u", port);
	if ((rc = getaddrinfo(addr, ps, &hints, &ai)) != 0)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "address "
		    "'%s': %s", addr, gai_strerror(rc));
	*fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
	    ai->ai_protocol);
	if (*fd < 0 || setsockopt(*fd, SOL_SOCKET, SO_REUSEADDR, &one,
	    sizeof(one)) < 0 || bind(*fd, ai->ai_addr, ai->ai_addrlen) < 0 ||
	    listen(*fd, 64) < 0) {
		rc = errno;
		if (*fd >= 0)
			close(*fd);
		*fd = -1;
		freeaddrinfo(ai);
		return align_err_set(e, EX_UNAVAILABLE, NULL, 0, 0, "cannot "
		    "listen on %s port %u: %s", addr, port, strerror(rc));
	}
	freeaddrinfo(ai);
	return 0;
}

int
serve_listen(struct align_serve *srv, struct align_err *e)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	struct align_buf b = ALIGN_BUF_INIT;
	char *addr;
	unsigned port;
	size_t at;

	if (align_serve_parse_listen(srv->o.listen, &addr, &port, e) < 0 ||
	    align_serve_random_code(srv->code, CODE_BYTES, e) < 0) {
		free(addr);
		return -1;
	}
	if (bind_to(addr, port, &srv->fd, e) < 0) {
		free(addr);
		return -1;
	}
	free(addr);
	if (getsockname(srv->fd, (struct sockaddr *)&ss, &len) < 0)
		return align_err_set(e, EX_UNAVAILABLE, NULL, 0, 0,
		    "cannot tell the port listened on: %s", strerror(errno));
	srv->loopback = ss.ss_family == AF_INET6 ?
	    IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)&ss)->sin6_addr) :
	    (ntohl(((struct sockaddr_in *)&ss)->sin_addr.s_addr) >> 24) == 127;
	port = ntohs(ss.ss_family == AF_INET6 ?
	    ((struct sockaddr_in6 *)&ss)->sin6_port :
	    ((struct sockaddr_in *)&ss)->sin_port);
	align_buf_puts(&b, "http://");
	url_host((struct sockaddr *)&ss, &b);
	align_buf_printf(&b, ":%u", port);
	at = b.len;
	align_buf_printf(&b, "/%s/", srv->code);
	srv->root = b.failed ? NULL : strdup(b.p + at);
	srv->join = b.failed ? NULL : strdup(b.p);
	align_buf_puts(&b, "board");
	srv->board = align_buf_detach(&b);
	if (srv->root == NULL || srv->join == NULL || srv->board == NULL)
		return align_err_nomem(e);
	return 0;
}
