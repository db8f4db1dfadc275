/* The date pickers' month and day names in French on a French page (<html lang="fr">).
   Dash's DatePickerSingle formats its calendar with date-fns and the first locale it finds
   in window.dateFns.locale; this one names months and days, the only words it shows. */
(function () {
  if ((document.documentElement.lang || "").slice(0, 2) !== "fr") { return; }
  var months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre"];
  var shortMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
    "sept.", "oct.", "nov.", "déc."];
  var days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
  var shortDays = ["di", "lu", "ma", "me", "je", "ve", "sa"];
  function named(wide, abbreviated) {
    return function (index, options) {
      var width = (options && options.width) || "wide";
      if (width === "wide") { return wide[index]; }
      if (width === "narrow") { return wide[index].charAt(0).toUpperCase(); }
      return abbreviated[index];
    };
  }
  function plain(value) { return String(value); }
  var french = {
    code: "fr",
    localize: {
      ordinalNumber: function (n) { return Number(n) === 1 ? "1er" : String(n); },
      era: function (index) { return index ? "ap. J.-C." : "av. J.-C."; },
      quarter: function (index) { return "T" + index; },
      month: named(months, shortMonths),
      day: named(days, shortDays),
      dayPeriod: function (period) { return period === "pm" ? "PM" : "AM"; }
    },
    formatLong: {
      date: function () { return "dd/MM/y"; },
      time: function () { return "HH:mm"; },
      dateTime: function () { return "{{date}} {{time}}"; }
    },
    formatDistance: plain,
    formatRelative: function () { return "P"; },
    match: {},
    options: { weekStartsOn: 1, firstWeekContainsDate: 4 }
  };
  window.dateFns = window.dateFns || {};
  window.dateFns.locale = { fr: french };
})();
