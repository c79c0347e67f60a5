/* anju-log.c: being written */
