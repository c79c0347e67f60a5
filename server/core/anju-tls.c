/* anju-tls.c: being written */
