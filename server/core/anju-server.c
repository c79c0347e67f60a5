/* anju-server.c: being written */
