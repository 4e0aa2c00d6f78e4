"""PDF documents (ReportLab) with correct Thai: the minutes and the sign-in sheet."""
