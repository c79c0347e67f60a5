#!/bin/sh
# The session bus for the display tests, started by dbus-run-session.
# Services the bus starts (at-spi2-registryd …) inherit its standard
# output and print greetings there; send them to standard error so that
# the test's standard output stays pure TAP.
exec dbus-daemon "$@" >&2
