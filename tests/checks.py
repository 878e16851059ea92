"""Shared by the Python checks of `make check`: the closing report."""


def report(results, examples=5):
    """Prints each (name, findings) check as ok or FAIL with a few of its
    findings, then "N passed, N failed"; returns the exit status."""
    passed = failed = 0
    for name, found in results:
        if found:
            failed += 1
            print('FAIL %s: %d %s' % (name, len(found), list(found)[:examples]))
        else:
            passed += 1
            print('ok %s: 0' % name)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0
