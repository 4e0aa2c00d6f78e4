"""Readers and writers of files: spreadsheets now; PDF and DOCX documents later."""
