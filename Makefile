# reprint — `make` installs what is missing, builds build/reprint and
# typesets the bundled issue; `make check` runs every test.

CC      ?= cc
PKGS    := cairo pangocairo pangoft2 harfbuzz harfbuzz-subset fontconfig freetype2 yaml-0.1 libcmark libqpdf
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-overlength-strings
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -MMD -MP
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# Debian packages: libraries, fonts, and the tools the tests use.
DEB_PKGS := pkg-config gcc make libcairo2-dev libpango1.0-dev libharfbuzz-dev \
            libfontconfig-dev libfreetype-dev libyaml-dev libcmark-dev libqpdf-dev \
            fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai \
            poppler-utils qpdf mupdf-tools python3 \
            icc-profiles-free scribus-data ghostscript libxml2-utils \
            libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless unicode-data \
            mandoc

ISSUE   := tianjin-zhengxie-2022-08
# Build directory; another (make B=build-x) lets builds run side by side.
B       ?= build
PDF     := out/$(ISSUE).pdf
SRC     := $(wildcard src/*.c src/*/*.c)
OBJ     := $(SRC:src/%.c=$(B)/obj/%.o)
MAIN    := $(B)/obj/main.o
UNIT    := $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: all deps check unit format check-deps clean
all: deps $(B)/reprint $(PDF)

# ---- Debian packages --------------------------------------------------
$(B)/.deps-ok: Makefile
	@missing=$$(for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing: $$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing || exit 1; \
	  else \
	    echo "reprint needs these Debian packages; install them with:"; \
	    echo "  sudo apt-get install $$missing"; exit 1; \
	  fi; \
	fi
	@mkdir -p $(B) && touch $@

deps: $(B)/.deps-ok

# ---- the program ------------------------------------------------------
$(B)/obj/%.o: src/%.c | $(B)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(B)/reprint: $(OBJ)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(PDF): $(B)/reprint $(wildcard content/$(ISSUE)/*) layout/tianjin-zhengxie.yaml fonts/fonts.conf
	@mkdir -p out
	$(B)/reprint build content/$(ISSUE) -o $@
	@echo "== made $@ ($$(pdfinfo $@ | awk '/^Pages:/ {print $$2}') pages); the guide: docs/guide.md"

# ---- tests ------------------------------------------------------------
$(B)/tests/%: tests/unit/%.c $(filter-out $(MAIN),$(OBJ)) tests/harness.h
	@mkdir -p $(B)/tests
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(filter-out $(MAIN),$(OBJ)) $(PKG_LIBS) -lm

check: deps $(B)/reprint $(UNIT)
	@REPRINT=$(B)/reprint tests/run.sh $(UNIT)

# Library headers stay in their stage; stages include only earlier ones.
check-deps:
	@tests/check-deps.sh

format:
	clang-format -i src/*.c src/*/*.c src/*/*.h tests/unit/*.c

clean:
	rm -rf $(B) out

-include $(OBJ:.o=.d)

# ---- the guide's pictures (docs/guide.md), made from the current build ----
.PHONY: guide-images
guide-images: deps $(B)/reprint
	REPRINT=$(B)/reprint sh docs/guide-images.sh

# ---- issue 7: benchmark, fuzzing, sanitizers, valgrind -------------------
# None of these are part of `make check`; see docs/performance.md.
.PHONY: bench fuzz fuzz-regress asan valgrind

# Figures: median wall/CPU/RSS of the whole issue, per stage, the floor
# (HarfBuzz + Cairo alone), scale. RUNS=7 SCALE=1 PERF=1 by default.
bench: deps $(B)/reprint
	@command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null 2>&1 || true
	@REPRINT=$(B)/reprint tests/bench.sh

# libFuzzer targets (clang): article, manifest, clean; FUZZ_SECONDS each.
# Crashes land in build-fuzz/crashes/<target>/; keep the input as a
# regression case in tests/fuzz/regress/<target>/ once fixed.
FUZZ_SECONDS ?= 60
FUZZ_B       := build-fuzz
FUZZ_CFLAGS  := -O1 -g -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -fno-omit-frame-pointer \
                -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_BASE    := $(wildcard src/base/*.c)
FUZZ_SRC_article  := $(FUZZ_BASE) $(wildcard src/doc/*.c) src/check/lint.c
FUZZ_SRC_manifest := $(FUZZ_BASE) $(wildcard src/doc/*.c)
FUZZ_SRC_clean    := $(FUZZ_BASE) $(wildcard src/clean/*.c)
FUZZ_TARGETS := article manifest clean

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard src/base/*.c src/doc/*.c src/clean/*.c src/*/*.h) src/check/lint.c
	@command -v clang >/dev/null || apt-get install -y -qq clang >/dev/null
	@mkdir -p $(FUZZ_B)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $(shell pkg-config --cflags yaml-0.1 libcmark) \
	    -o $@ $< $(FUZZ_SRC_$*) $(shell pkg-config --libs yaml-0.1 libcmark)

$(FUZZ_B)/corpus/.seeded: $(wildcard content/$(ISSUE)/*)
	@mkdir -p $(FUZZ_B)/corpus/article $(FUZZ_B)/corpus/manifest $(FUZZ_B)/corpus/clean
	cp content/$(ISSUE)/*.md $(FUZZ_B)/corpus/article/
	cp content/$(ISSUE)/issue.yaml $(FUZZ_B)/corpus/manifest/issue-full.yaml
	cp tests/fixtures/mini/issue.yaml $(FUZZ_B)/corpus/manifest/issue-mini.yaml
	@if [ -f $(SEED_RAW) ]; then split -b 6000 -a 3 $(SEED_RAW) $(FUZZ_B)/corpus/clean/seed-; fi
	@touch $@
SEED_RAW := ../shared/seed/000_0767d733b3962005.txt

fuzz: $(addprefix $(FUZZ_B)/fuzz_,$(FUZZ_TARGETS)) $(FUZZ_B)/corpus/.seeded fuzz-regress
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_B)/crashes/$$t; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=1 $(FUZZ_B)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_B)/crashes/$$t/ $(FUZZ_B)/corpus/$$t tests/fuzz/regress/$$t \
	    2>$(FUZZ_B)/fuzz_$$t.log || { tail -n 40 $(FUZZ_B)/fuzz_$$t.log; exit 1; }; \
	  grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' $(FUZZ_B)/fuzz_$$t.log; \
	done

# Replays every kept crash input (no fuzzing): fast, run by `make fuzz`.
fuzz-regress: $(addprefix $(FUZZ_B)/fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  if ls tests/fuzz/regress/$$t/* >/dev/null 2>&1; then \
	    $(FUZZ_B)/fuzz_$$t tests/fuzz/regress/$$t/* >/dev/null 2>&1 || \
	      { echo "fuzz-regress: fuzz_$$t fails on a kept input"; exit 1; }; \
	  fi; \
	done; echo "fuzz-regress: kept inputs pass"

# The whole test suite and the full-issue build under AddressSanitizer,
# UndefinedBehaviorSanitizer and LeakSanitizer (tests/lsan.supp: library
# caches that live until exit).
ASAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
asan:
	env CFLAGS="$(ASAN_CFLAGS)" $(MAKE) B=build-asan build-asan/reprint
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 BADINPUT_LIMIT=300 \
	  env CFLAGS="$(ASAN_CFLAGS)" $(MAKE) B=build-asan check
	ASAN_OPTIONS=detect_leaks=1:exitcode=99 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  build-asan/reprint build content/$(ISSUE) -o build-asan/issue.pdf
	@echo "asan: test suite and full-issue build clean"

# The full-issue build under valgrind memcheck (errors and definite leaks fail).
valgrind: deps $(B)/reprint
	@command -v valgrind >/dev/null || apt-get install -y -qq valgrind >/dev/null
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
	  --show-leak-kinds=definite --suppressions=tests/valgrind.supp \
	  $(B)/reprint build content/$(ISSUE) -o $(B)/valgrind.pdf
	@echo "valgrind: full-issue build clean"

# ---- issue 8: make install / make uninstall -----------------------------
# GNU style: PREFIX (default /usr/local) and DESTDIR (a staging root for
# packagers). The binary finds its data at <its dir>/../share/reprint, so
# bin/ and share/reprint/ stay under one PREFIX. fonts/fonts.conf names
# the Debian font directories by absolute path: nothing else comes along.
# The docs keep the tree's shape (README.md beside docs/) so links work.
.PHONY: install uninstall
PREFIX  ?= /usr/local
INSTALL ?= install
BINDIR  := $(DESTDIR)$(PREFIX)/bin
DATADIR := $(DESTDIR)$(PREFIX)/share/reprint
MAN1DIR := $(DESTDIR)$(PREFIX)/share/man/man1
DOCDIR  := $(DESTDIR)$(PREFIX)/share/doc/reprint
LAYOUTS := $(wildcard layout/*.yaml)
DOC_MD       := $(wildcard docs/*.md)
DOC_EXAMPLES := $(wildcard docs/examples/*.yaml)
DOC_IMAGES   := $(wildcard docs/images/*.png)

install: $(B)/reprint
	$(INSTALL) -d -m 755 $(BINDIR) $(DATADIR)/layout $(DATADIR)/fonts $(MAN1DIR) \
	    $(DOCDIR)/docs $(if $(DOC_EXAMPLES),$(DOCDIR)/docs/examples) $(if $(DOC_IMAGES),$(DOCDIR)/docs/images)
	$(INSTALL) -m 755 $(B)/reprint $(BINDIR)/reprint
	$(INSTALL) -m 644 $(LAYOUTS) $(DATADIR)/layout/
	$(INSTALL) -m 644 fonts/fonts.conf $(DATADIR)/fonts/fonts.conf
	$(INSTALL) -m 644 docs/reprint.1 $(MAN1DIR)/reprint.1
	$(INSTALL) -m 644 README.md $(DOCDIR)/README.md
	$(INSTALL) -m 644 $(DOC_MD) $(DOCDIR)/docs/
	$(if $(DOC_EXAMPLES),$(INSTALL) -m 644 $(DOC_EXAMPLES) $(DOCDIR)/docs/examples/)
	$(if $(DOC_IMAGES),$(INSTALL) -m 644 $(DOC_IMAGES) $(DOCDIR)/docs/images/)

# Removes what install put there, by name (a layout added by hand to
# share/reprint/layout stays), then our directories if they are empty.
uninstall:
	rm -f $(BINDIR)/reprint $(MAN1DIR)/reprint.1 $(DATADIR)/fonts/fonts.conf \
	    $(LAYOUTS:%=$(DATADIR)/%) $(DOCDIR)/README.md $(DOC_MD:%=$(DOCDIR)/%) \
	    $(DOC_EXAMPLES:%=$(DOCDIR)/%) $(DOC_IMAGES:%=$(DOCDIR)/%)
	rmdir $(DATADIR)/layout $(DATADIR)/fonts $(DATADIR) $(DOCDIR)/docs/examples \
	    $(DOCDIR)/docs/images $(DOCDIR)/docs $(DOCDIR) 2>/dev/null || true
