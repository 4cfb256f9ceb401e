// Loads the ALTCHA widget (<altcha-widget>, with its proof-of-work workers inlined) and its Russian texts.
import 'altcha';
import 'altcha/i18n/ru';
