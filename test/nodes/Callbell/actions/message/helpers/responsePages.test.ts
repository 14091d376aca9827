import { FREE_TEXT_FIELD, readFormAnswer, toJsonFormFields } from '../../../../../../nodes/Callbell/actions/message/helpers/responseForm';
import { approvalPage, formPage, recordedPage } from '../../../../../../nodes/Callbell/actions/message/helpers/responsePages';

const HOSTILE = '<script>alert("x")</script> & \'quotes\'';

describe('Send and Wait’s pages: escaped, accessible, no script', () => {
	it('the approval page escapes the message and the label and posts back to its own (signed) address', () => {
		const html = approvalPage(HOSTILE, false, HOSTILE);
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('<h1>Confirm that you decline</h1>');
		// No action attribute: the browser posts to the page's URL, query (and signature) included.
		expect(html).toMatch(/<form method="post"><button type="submit" class="decline">/);
	});

	it('the form page labels every input, marks required ones and shows each problem under its field', () => {
		const fields = toJsonFormFields('Form Fields', [
			{ fieldLabel: HOSTILE, fieldType: 'number', requiredField: true },
			{ fieldLabel: 'Colour', fieldType: 'dropdown', fieldOptions: { values: [{ option: '"red"' }, { option: 'blue' }] } },
			{ fieldLabel: 'Extras', fieldType: 'checkbox', fieldOptions: { values: [{ option: 'gift' }, { option: 'note' }] } },
		]);
		const html = formPage({ title: 'T<i>', description: 'D<b>', buttonLabel: 'Go', fields, errors: { 0: 'Enter a number.' }, given: { 'field-0': '"><img src=x>' } });
		expect(html).not.toMatch(/<(script|img|i|b)[ >]/);
		expect(html).toContain('<label for="field-0">&lt;script&gt;');
		expect(html).toContain('aria-invalid="true" aria-describedby="field-0-error"');
		expect(html).toContain('<p class="error" id="field-0-error">Enter a number.</p>');
		expect(html).toContain('value="&quot;&gt;&lt;img src=x&gt;"');
		expect(html).toContain('<option value="&quot;red&quot;">&quot;red&quot;</option>');
		expect(html).toContain('<fieldset><legend>Extras</legend>');
		expect(html).toContain('role="alert"');
		expect(recordedPage()).toContain('your answer was recorded');
	});

	it('reads an answer: numbers as numbers, checkboxes as lists, problems by field, nothing invented', () => {
		const fields = toJsonFormFields('Form Fields', [
			{ fieldLabel: 'Amount', fieldType: 'number', requiredField: true },
			{ fieldLabel: 'Email', fieldType: 'email' },
			{ fieldLabel: 'Extras', fieldType: 'checkbox', fieldOptions: { values: [{ option: 'gift' }, { option: 'note' }] } },
			{ fieldLabel: 'Size', fieldType: 'radio', fieldOptions: { values: [{ option: 'S' }, { option: 'M' }] } },
		]);
		expect(readFormAnswer(fields, { 'field-0': '12.5', 'field-1': '', 'field-2': ['gift', 'note'], 'field-3': 'M' })).toEqual({
			ok: true,
			data: { Amount: 12.5, Email: '', Extras: ['gift', 'note'], Size: 'M' },
		});
		expect(readFormAnswer(fields, { 'field-0': 'ten', 'field-1': 'nope', 'field-2': 'other', 'field-3': 'XL' })).toEqual({
			ok: false,
			errors: { 0: 'Enter a number.', 1: 'Enter an email address, e.g. name@example.com.', 2: 'Choose among the options shown.', 3: 'Choose among the options shown.' },
		});
		expect(readFormAnswer([FREE_TEXT_FIELD], {})).toEqual({ ok: false, errors: { 0: 'This field is required.' } });
	});

	it('refuses a form definition it cannot build, naming the field', () => {
		expect(() => toJsonFormFields('Form Fields', '{}')).toThrow('Form Fields must be a list of fields, got an object');
		expect(() => toJsonFormFields('Form Fields', [{ fieldLabel: 'A' }, { fieldLabel: 'A' }])).toThrow('Form Fields has two fields labelled "A"');
		expect(() => toJsonFormFields('Form Fields', [{ fieldLabel: 'F', fieldType: 'file' }])).toThrow('Form Fields 1 → Field Type must be one of');
	});
});
