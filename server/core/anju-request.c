/* anju-request.c: being written */
