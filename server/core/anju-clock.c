/* anju-clock.c: being written */
