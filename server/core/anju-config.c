/* anju-config.c: being written */
