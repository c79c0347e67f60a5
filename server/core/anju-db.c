/* anju-db.c: being written */
