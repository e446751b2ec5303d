# Django REST framework (Debian's python3-djangorestframework) in one file: a Serializer with a nested
# serializer and a list of nested serializers, `serializer.is_valid(raise_exception=True)`, DRF's default
# exception handler. Served by Django's WSGI handler on wsgiref.
import os, sys
from wsgiref.simple_server import make_server, WSGIRequestHandler

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=['127.0.0.1'],
    ROOT_URLCONF=__name__,
    SECRET_KEY='capture-only',
    INSTALLED_APPS=['django.contrib.contenttypes', 'django.contrib.auth', 'rest_framework'],
    MIDDLEWARE=[],
    REST_FRAMEWORK={'DEFAULT_AUTHENTICATION_CLASSES': [], 'DEFAULT_PERMISSION_CLASSES': [], 'UNAUTHENTICATED_USER': None},
)
django.setup()

from django.urls import path
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView


class AddressSerializer(serializers.Serializer):
    city = serializers.CharField()


class ItemSerializer(serializers.Serializer):
    qty = serializers.IntegerField(min_value=1)


class UserSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField()
    address = AddressSerializer()
    items = ItemSerializer(many=True, required=False)


class Users(APIView):
    def post(self, request):
        serializer = UserSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(serializer.data, status=201)


class User(APIView):
    def get(self, request, id):
        raise NotFound()


urlpatterns = [path('users', Users.as_view()), path('users/<int:id>', User.as_view())]


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == '__main__':
    from django.core.wsgi import get_wsgi_application
    make_server('127.0.0.1', int(os.environ['PORT']), get_wsgi_application(), handler_class=Quiet).serve_forever()
