#ifndef ESTEIRA_CNCURSESW_SHIM_H
#define ESTEIRA_CNCURSESW_SHIM_H
// NCURSES_WIDECHAR must precede the include, or the wide-character API is invisible to Swift.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 cannot import the ncurses globals (not concurrency-safe) nor its macros: these wrap them.
static inline WINDOW *esteira_stdscr(void) { return stdscr; }
static inline int esteira_lines(void) { return LINES; }
static inline int esteira_cols(void) { return COLS; }
static inline int esteira_colors(void) { return COLORS; }
static inline int esteira_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t esteira_a_normal(void) { return A_NORMAL; }
static inline attr_t esteira_a_bold(void) { return A_BOLD; }
static inline attr_t esteira_a_reverse(void) { return A_REVERSE; }
static inline attr_t esteira_a_underline(void) { return A_UNDERLINE; }
static inline attr_t esteira_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }
static inline int esteira_getmaxy(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)x; return y; }
static inline int esteira_getmaxx(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)y; return x; }
static inline int esteira_wcwidth(wchar_t character) { return wcwidth(character); }
static inline int esteira_key_code_yes(void) { return KEY_CODE_YES; }
static inline int esteira_key_resize(void) { return KEY_RESIZE; }
static inline int esteira_key_up(void) { return KEY_UP; }
static inline int esteira_key_down(void) { return KEY_DOWN; }
static inline int esteira_key_left(void) { return KEY_LEFT; }
static inline int esteira_key_right(void) { return KEY_RIGHT; }
static inline int esteira_key_ppage(void) { return KEY_PPAGE; }
static inline int esteira_key_npage(void) { return KEY_NPAGE; }
static inline int esteira_key_home(void) { return KEY_HOME; }
static inline int esteira_key_end(void) { return KEY_END; }
static inline int esteira_key_enter(void) { return KEY_ENTER; }
static inline int esteira_key_backspace(void) { return KEY_BACKSPACE; }
static inline int esteira_key_dc(void) { return KEY_DC; }
static inline int esteira_key_btab(void) { return KEY_BTAB; }

/// Starts ncurses on the process's own stdin/stdout; NULL when TERM names no known terminal.
static inline SCREEN *esteira_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Whether the current terminal can move the cursor (a `dumb` terminal cannot, so it cannot show a full screen).
static inline int esteira_can_address_cursor(void) {
    char *capability = tigetstr("cup");
    return capability != NULL && capability != (char *)-1;
}

static void esteira_fatal_signal_handler(int signal_number) {
    endwin();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/// Restores the terminal before the process dies of a fatal signal, then lets the signal do its work.
static inline void esteira_install_fatal_signal_handlers(void) {
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (size_t index = 0; index < sizeof(signals) / sizeof(signals[0]); index++) {
        signal(signals[index], esteira_fatal_signal_handler);
    }
}

/// Puts the default handlers back once the terminal has been restored normally.
static inline void esteira_reset_fatal_signal_handlers(void) {
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (size_t index = 0; index < sizeof(signals) / sizeof(signals[0]); index++) {
        signal(signals[index], SIG_DFL);
    }
}
#endif
