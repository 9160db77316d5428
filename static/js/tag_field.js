// The article form's tag field (articles/admin_tags.py): Django's autocomplete (select2) that also takes
// a name not in the list. Suggestions come from the tag admin's search, on normalized text; a typed name
// is offered last, marked "new tag", and is added with Enter or a comma (Latin , or Persian ،). It is
// sent as "+name"; the server makes the tag when the article is saved, or reuses the tag whose
// normalized name it is, so a variant spelling never becomes a second tag.
"use strict";
{
  const $ = django.jQuery;
  const NEW = "+";

  function start(element) {
    const newLabel = element.dataset.newLabel || "%s";
    $(element).select2({
      width: "100%",  // an empty select measures a few pixels; the names need the form's width
      ajax: {
        data: (params) => ({
          term: params.term,
          page: params.page,
          app_label: element.dataset.appLabel,
          model_name: element.dataset.modelName,
          field_name: element.dataset.fieldName,
        }),
      },
      tags: true,
      tokenSeparators: [",", "،"],
      createTag: (params) => {
        const term = params.term.trim();
        return term ? { id: NEW + term, text: term, newTag: true } : null;
      },
      // After the existing tags, so Enter picks the tag found rather than a new spelling of it.
      insertTag: (data, tag) => { data.push(tag); },
      templateResult: (item) => (item.newTag ? newLabel.replace("%s", item.text) : item.text),
    });
  }

  $(function () {
    $(".admin-tag-field").not("[name*=__prefix__]").each((index, element) => start(element));
  });
}
