-- What residents are asked to bring for a product: a JSON array of multilingual texts.
ALTER TABLE products ADD COLUMN bring TEXT NOT NULL DEFAULT '[]';
