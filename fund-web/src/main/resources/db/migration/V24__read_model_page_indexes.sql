-- Indexes for the pages that must stay fast when the Network has 100,000 applications:
--   the public award list is read newest first, a page at a time;
--   the task lists find the case of an award task by the award's application.
CREATE INDEX rm_award_made_at ON rm_award (made_at DESC, award_id);
CREATE INDEX rm_award_application ON rm_award (application_id);
