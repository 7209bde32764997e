-- The daily sweep of formulas that read TODAY() or NOW() (decision 0020): the day each form version was last swept.
CREATE TABLE formula_sweeps (
    app_key text NOT NULL,
    form_key text NOT NULL,
    form_version integer NOT NULL,
    swept_on date NOT NULL,
    PRIMARY KEY (app_key, form_key)
);
