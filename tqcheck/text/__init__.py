"""What a text is: the Document and its prose view, segments with exact offsets, language identification, numbers read by locale, suppression comments. Imports speed/ and data/."""
