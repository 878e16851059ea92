# reprint — `make` installs what is missing, builds build/reprint and
# typesets the bundled issue; `make check` runs every test.

CC      ?= cc
PKGS    := cairo pangocairo pangoft2 harfbuzz fontconfig freetype2 yaml-0.1 libcmark
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-overlength-strings
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -MMD -MP
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# Debian packages: libraries, fonts, and the tools the tests use.
DEB_PKGS := pkg-config gcc make libcairo2-dev libpango1.0-dev libharfbuzz-dev \
            libfontconfig-dev libfreetype-dev libyaml-dev libcmark-dev libqpdf-dev \
            fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai \
            poppler-utils qpdf mupdf-tools python3 unicode-data

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
