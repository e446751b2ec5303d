# Flask (Debian's python3-flask) with webargs + marshmallow, the usual Flask validation pairing
# (flask-smorest builds on it): `@use_args(schema, location='json')` and webargs' default error handler
# (422 `{"errors": {"json": {...}}}`). Malformed JSON and the 404 are Flask's own answers.
import os

from flask import Flask, abort, jsonify
from marshmallow import Schema, fields, validate
from webargs.flaskparser import parser, use_args


class AddressSchema(Schema):
    city = fields.Str(required=True, validate=validate.Length(min=1))


class ItemSchema(Schema):
    qty = fields.Int(validate=validate.Range(min=1))


class UserSchema(Schema):
    name = fields.Str(required=True, validate=validate.Length(min=1))
    email = fields.Email(required=True)
    address = fields.Nested(AddressSchema, required=True)
    items = fields.List(fields.Nested(ItemSchema))


app = Flask(__name__)


@app.post('/users')
@use_args(UserSchema(), location='json')
def create(args):
    return jsonify(args), 201


@app.get('/users/<int:id>')
def read(id):
    abort(404)


# webargs: "By default, webargs will abort with 422 and a JSON body" — its documented Flask pattern for
# returning those messages as JSON (https://webargs.readthedocs.io/en/latest/framework_support.html#flask).
@app.errorhandler(422)
@app.errorhandler(400)
def handle_error(err):
    headers = err.data.get('headers', None) if hasattr(err, 'data') else None
    messages = err.data.get('messages', ['Invalid request.']) if hasattr(err, 'data') else None
    if messages is None:
        return err
    if headers:
        return jsonify({'errors': messages}), err.code, headers
    return jsonify({'errors': messages}), err.code


if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(os.environ['PORT']))
