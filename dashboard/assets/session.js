/* With sign-in on: when a callback is refused because the session ended, go to the sign-in page. */
(function () {
  var original = window.fetch;
  if (!original) { return; }
  window.fetch = function () {
    return original.apply(this, arguments).then(function (response) {
      if (response.status === 401 && response.url.indexOf("/_dash-") !== -1) {
        window.location.assign("/login?next=" + encodeURIComponent(window.location.pathname));
      }
      return response;
    });
  };
})();
