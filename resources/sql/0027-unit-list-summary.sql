-- 0027: the unit list of a project in one state reads its page from one
-- index (issue 7, unit list).
--
-- A project's units lie together in the table, but those in one state
-- are scattered over all of the project's pages: a first page of fifty
-- read about ten pages of the file a request, each copied from the
-- kernel's page cache because the 75 MB table does not fit a reader's
-- cache.  This index holds every column of the unit that the list shows
-- (ANJU_HOUSING_UNIT_COLUMNS), in the list's order, so the page comes
-- from two or three leaf pages.  It replaces (project_id, state,
-- unit_no) of 0017, which it begins with.
DROP INDEX IF EXISTS pubrent_units_project_state_order;
CREATE INDEX pubrent_units_project_state_summary
  ON pubrent_units (project_id, state, unit_no, building_id, entrance, room_no, floor, layout,
                    room_count, floor_area, inner_area, orientation, monthly_rent, facilities,
                    abnormal, abnormal_kind, abnormal_reason, abnormal_suggestion,
                    abnormal_marked_at, abnormal_marked_by, updated_at);
